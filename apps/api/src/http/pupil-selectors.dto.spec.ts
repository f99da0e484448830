import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { AudienceDto } from '../communications/dto/message.request.dto';
import { EligibilityDto } from '../events/dto/event.request.dto';

/** The fields at fault, as the validation pipe (whitelist, unknown fields refused) would find them. */
async function faults(dto: new () => object, body: object): Promise<string[]> {
  const errors = await validate(plainToInstance(dto, body), { whitelist: true, forbidNonWhitelisted: true });
  return errors.map((e) => e.property).sort();
}

describe('the pupil rules shared by message audiences and event eligibility', () => {
  const wrong = { ncYears: [15], groupIds: ['5C'], pupilIds: Array.from({ length: 5001 }, () => 'x') };

  it('are checked the same way for both', async () => {
    expect(await faults(AudienceDto, { kind: 'contacts', ...wrong })).toEqual([
      'groupIds',
      'ncYears',
      'pupilIds',
    ]);
    expect(await faults(EligibilityDto, wrong)).toEqual(['groupIds', 'ncYears', 'pupilIds']);
    const fine = { ncYears: [-2, 0, 14], groupIds: [], pupilIds: ['0190a3b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b'] };
    expect(await faults(AudienceDto, { kind: 'pupils', ...fine })).toEqual([]);
    expect(await faults(EligibilityDto, fine)).toEqual([]);
  });

  it('keep each one’s characteristics: a message may narrow to EAL, an event may not', async () => {
    expect(await faults(AudienceDto, { kind: 'contacts', characteristics: ['eal'] })).toEqual([]);
    expect(await faults(EligibilityDto, { characteristics: ['eal'] })).toEqual(['characteristics']);
    expect(await faults(EligibilityDto, { kind: 'contacts' })).toEqual(['kind']);
  });

  it('read the same rules out of both requests', () => {
    const body = { ncYears: [5], groupIds: [], pupilIds: ['p1'], characteristics: ['sen'] };
    const rules = plainToInstance(EligibilityDto, body).toRules();
    expect(plainToInstance(AudienceDto, { kind: 'pupils', ...body }).toSpec()).toEqual({
      kind: 'pupils',
      ...rules,
    });
    expect(plainToInstance(EligibilityDto, {}).toRules()).toEqual({
      ncYears: [],
      groupIds: [],
      pupilIds: [],
      characteristics: [],
    });
  });
});
