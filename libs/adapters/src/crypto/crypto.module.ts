import { Global, Module, type DynamicModule } from '@nestjs/common';
import { SecretBox } from '@rowan/directory';
import { AesGcmSecretBox } from './aes-gcm-secret-box.adapter';

/** Sealing of secrets at rest (MIS tokens), with the key from configuration. */
@Global()
@Module({})
export class CryptoModule {
  static forRoot(options: { misTokenKey: string }): DynamicModule {
    return {
      module: CryptoModule,
      providers: [{ provide: SecretBox, useValue: new AesGcmSecretBox(options.misTokenKey) }],
      exports: [SecretBox],
    };
  }
}
