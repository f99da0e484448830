import { Module } from '@nestjs/common';

/** Binds the compliance context's ports to their adapters. */
@Module({ providers: [], exports: [] })
export class ComplianceModule {}
