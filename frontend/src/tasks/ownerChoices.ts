// The data owners to offer for an unmapped attribute/LOB pair: those listed (data executives, test managers and admins may
// list them) or already owning pairs of the report, those of the pair's LOB first.

export interface OwnerOption {
  id: string;
  displayName: string;
  username: string;
  lobId: string | null;
}

interface UserLike {
  id: string;
  displayName: string;
  username: string;
  lob?: { id: string } | null;
}

/** Every known data owner once: the listed ones, then the owners of the report's mapped pairs. */
export function knownOwners(listed: readonly UserLike[], mapped: readonly { dataOwner?: UserLike | null }[]): OwnerOption[] {
  const byId = new Map<string, OwnerOption>();
  for (const user of [...listed, ...mapped.flatMap((a) => (a.dataOwner ? [a.dataOwner] : []))]) {
    if (!byId.has(user.id)) {
      byId.set(user.id, { id: user.id, displayName: user.displayName, username: user.username, lobId: user.lob?.id ?? null });
    }
  }
  return [...byId.values()];
}

/** The owners of the pair's LOB and the others, each by name. */
export function ownerChoices(lobId: string, owners: readonly OwnerOption[]): { ofLob: OwnerOption[]; others: OwnerOption[] } {
  const sorted = [...owners].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return { ofLob: sorted.filter((o) => o.lobId === lobId), others: sorted.filter((o) => o.lobId !== lobId) };
}
