/** Types for split-sms (MIT, no bundled types), used by libs/communications and the web app. */
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
