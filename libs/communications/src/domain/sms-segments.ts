import { split } from 'split-sms';

export interface SmsSegments {
  /** GSM-7 fits 160 characters in one segment (153 each when split); anything else is UCS-2 (70, then 67). */
  readonly encoding: 'GSM-7' | 'UCS-2';
  readonly segments: number;
  readonly characters: number;
  /** Characters left before another segment is needed. */
  readonly remainingInSegment: number;
}

/** How a network bills a text: its encoding and segments (GSM extension characters such as € count twice). */
export function smsSegments(text: string): SmsSegments {
  const result = split(text, { summary: true });
  return {
    encoding: result.characterSet === 'GSM' ? 'GSM-7' : 'UCS-2',
    segments: text === '' ? 0 : result.parts.length,
    characters: result.length,
    remainingInSegment: result.remainingInPart,
  };
}
