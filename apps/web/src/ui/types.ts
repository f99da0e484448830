export interface SelectOption<T extends string> {
  readonly value: T;
  readonly label: string;
}

/** One line of an error summary; `id` is the field it links to. */
export interface SummaryError {
  readonly id?: string;
  readonly message: string;
}

export type Tone = 'info' | 'success' | 'warning' | 'error' | 'neutral';

/** One chosen item of a search-as-you-type picker (a group, a pupil), with what it shows. */
export interface PickedOption {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
}
