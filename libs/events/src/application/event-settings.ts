/** How long a waiting-list offer is kept before it passes to the next family. */
export class EventSettings {
  constructor(readonly offerWindowMs: number) {}
}
