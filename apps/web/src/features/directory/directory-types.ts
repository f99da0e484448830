/**
 * Names for the directory's API shapes, read from the generated `schema.d.ts` by path (like `api/types.ts`),
 * so these pages never depend on the schema names @nestjs/swagger picks.
 */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer Body } } ? Body : never;
type Items<T> = T extends { items: Array<infer Item> } ? Item : never;

type PupilsPath = paths['/api/v1/schools/{schoolId}/pupils']['get'];
type PupilPath = paths['/api/v1/schools/{schoolId}/pupils/{pupilId}']['get'];
type SyncRunPath = paths['/api/v1/schools/{schoolId}/sync-runs/{runId}']['get'];
type ConnectPath = paths['/api/v1/schools/{schoolId}/mis-connection']['put'];
type ContactPath = paths['/api/v1/schools/{schoolId}/contacts/{contactId}']['get'];
type StaffPath = paths['/api/v1/schools/{schoolId}/staff']['get'];
type UploadPath = paths['/api/v1/schools/{schoolId}/directory-imports']['post'];

export type PupilSummary = Items<Json<PupilsPath['responses'][200]>>;
export type Enrolment = PupilSummary['enrolment'];
export type PupilDetail = Json<PupilPath['responses'][200]>;
export type PupilContact = PupilDetail['contacts'][number];
export type Characteristic = PupilDetail['characteristics'][number];
export type PupilGroup = PupilDetail['groups'][number];

export type ContactDetail = Json<ContactPath['responses'][200]>;
export type ContactChild = ContactDetail['children'][number];

export type MisStaffMember = Items<Json<StaffPath['responses'][200]>>;

export type SyncRun = Json<SyncRunPath['responses'][200]>;
export type SyncMode = SyncRun['mode'];
export type SyncStatus = SyncRun['status'];
export type SyncPhase = SyncRun['phase'];
export type SyncTally = SyncRun['tally'];
export type SyncCounts = SyncTally['pupils'];

export type MisConnection = Json<ConnectPath['responses'][200]>;
export type ConnectMisInput = Json<ConnectPath['requestBody']>;

export type DirectoryUpload = Json<UploadPath['responses'][201]>;
export type UploadFiles = Json<UploadPath['requestBody']>;
export type UploadFileName = DirectoryUpload['files'][number];
export type UploadChange = DirectoryUpload['preview']['pupils'];
