import { split } from 'split-sms';

/** The composer's live count: how a network bills this text (GSM-7 160/153, else UCS-2 70/67 per segment). */
export function smsSegments(text: string): {
  encoding: 'GSM-7' | 'UCS-2';
  segments: number;
  remaining: number;
} {
  const result = split(text, { summary: true });
  return {
    encoding: result.characterSet === 'GSM' ? 'GSM-7' : 'UCS-2',
    segments: text === '' ? 0 : result.parts.length,
    remaining: result.remainingInPart,
  };
}
