/** Names for the messages API's shapes, read from the generated schema by path. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type Items<T> = T extends { items: Array<infer Item> } ? Item : never;

type SendPath = paths['/api/v1/schools/{schoolId}/messages']['post'];
type GetPath = paths['/api/v1/schools/{schoolId}/messages/{messageId}']['get'];
type EstimatePath = paths['/api/v1/schools/{schoolId}/messages/estimate']['post'];
type UnreachedPath = paths['/api/v1/schools/{schoolId}/messages/{messageId}/unreached']['get'];

export type SendMessageBody = Json<SendPath['requestBody']>;
export type Message = Json<SendPath['responses'][201]>;
export type MessageWithProgress = Json<GetPath['responses'][200]>;
export type Estimate = Json<EstimatePath['responses'][200]>;
export type Unreached = Items<Json<UnreachedPath['responses'][200]>>;
export type RoutingPolicy = SendMessageBody['policy'];
export type Audience = SendMessageBody['audience'];
