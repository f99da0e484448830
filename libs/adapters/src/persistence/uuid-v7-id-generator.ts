import { Injectable } from '@nestjs/common';
import { IdGenerator } from '@rowan/kernel';
import { v7 } from 'uuid';

@Injectable()
export class UuidV7IdGenerator extends IdGenerator {
  next(): string {
    return v7();
  }
}
