/**
 * Type tests of the generated Prisma Client extension, compiled by `npm run typecheck` (tsc
 * --strict): each `@ts-expect-error` line must be a compile error, or tsc fails on the unused directive.
 */
import type { PrismaClient } from '../generated/client/client';
import { otoAccessors } from '../generated/oto/accessors';

declare const base: PrismaClient;

export async function accessorTypes(): Promise<void> {
  const prisma = base.$extends(otoAccessors);
  // An optional side: one row or null, never an array.
  const profile = await prisma.user.profileOf(1);
  const bio: string | null | undefined = profile?.bio;
  // @ts-expect-error the result is a single row, not an array
  profile?.map((p: unknown) => p);
  // @ts-expect-error it may be null
  void profile.bio;

  // A required side: the row itself.
  const user = await prisma.profile.userOf(1);
  const email: string = user.email;
  // @ts-expect-error the result is a single row, not an array
  void user[0];

  // Keys have the field's type.
  // @ts-expect-error User.id is an Int
  await prisma.user.profileOf('1');
  // @ts-expect-error only one-to-ones get accessors: Order.invoices is a list
  await prisma.order.invoicesOf(1);
  void bio;
  void email;
}
