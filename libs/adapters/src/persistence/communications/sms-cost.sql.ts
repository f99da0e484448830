import { DEFAULT_SETTINGS } from '@rowan/communications';

/**
 * What an SMS delivery `d` costs, in SQL, with the school's settings joined as `cs`. A delivery is billed once it
 * has been handed to the provider (`d.sent_at` set, whatever happened after), at the segments the provider
 * reported, else the segments estimated when it was created, times the school's price per segment.
 */
export const SMS_SEGMENTS = 'coalesce(d.segments, d.estimated_segments, 0)';
export const SMS_COST = `${SMS_SEGMENTS} * coalesce(cs.sms_segment_pence, ${Number(DEFAULT_SETTINGS.smsSegmentPence)})`;
