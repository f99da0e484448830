/** Types for split-sms (MIT, no bundled types): splits an SMS into the parts a network bills. */
declare module 'split-sms' {
  export interface SplitPart {
    readonly content?: string;
    readonly length: number;
    readonly bytes: number;
  }
  export interface SplitResult {
    readonly characterSet: 'GSM' | 'Unicode';
    readonly parts: readonly SplitPart[];
    readonly bytes: number;
    readonly length: number;
    readonly remainingInPart: number;
  }
  export function split(message: string, options?: { summary?: boolean }): SplitResult;
}
