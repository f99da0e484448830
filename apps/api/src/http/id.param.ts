import { Param, type PipeTransform } from '@nestjs/common';
import { isUuid, ValidationFailed } from '@rowan/kernel';

class ParseIdPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!isUuid(value)) {
      throw new ValidationFailed(`${this.name} is not an id`, [
        { field: this.name, message: 'must be a UUID' },
      ]);
    }
    return value.toLowerCase();
  }
}

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const IdParam = (name: string) => Param(name, new ParseIdPipe(name));
