import { Injectable } from '@nestjs/common';
import type { Actor } from '@rowan/access';
import type { SchoolId } from '@rowan/kernel';
import { ContactAccounts, type LinkedChild } from '../ports/parent-accounts';
import { SchoolCatalogue } from '../school-catalogue.service';

export interface MyChild extends LinkedChild {
  readonly schoolName: string;
}

/** A signed-in parent's own children: only pupils linked to contact records that are linked to them. */
@Injectable()
export class ListMyChildrenUseCase {
  constructor(
    private readonly contacts: ContactAccounts,
    private readonly catalogue: SchoolCatalogue,
  ) {}

  async execute(input: { readonly actor: Actor }): Promise<MyChild[]> {
    const children = await this.linked(input.actor);
    const { schools } = await this.catalogue.describe(
      [...new Set(children.map((c) => c.schoolId as SchoolId))],
      [],
    );
    const names = new Map(schools.map((s) => [s.id as string, s.name]));
    return children.map((c) => ({ ...c, schoolName: names.get(c.schoolId) ?? '' }));
  }

  /** The same children without their schools' names: what other contexts need to decide what a parent may do. */
  linked(actor: Actor): Promise<LinkedChild[]> {
    return this.contacts.childrenOf(actor.userId);
  }
}
