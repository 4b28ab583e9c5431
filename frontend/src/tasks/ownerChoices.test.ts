// Unit tests of the data owners offered for an unmapped pair.
import { describe, expect, it } from 'vitest';
import { knownOwners, ownerChoices } from './ownerChoices';

const zoe = { id: '9', displayName: 'Zoe Retail', username: 'zoe', lob: { id: '2' } };
const amy = { id: '8', displayName: 'Amy Cards', username: 'amy', lob: { id: '3' } };
const bob = { id: '7', displayName: 'Bob Nolob', username: 'bob', lob: null };

describe('knownOwners', () => {
  it('merges the listed owners with those of mapped pairs, once each', () => {
    const owners = knownOwners([zoe], [{ dataOwner: zoe }, { dataOwner: amy }, { dataOwner: null }]);
    expect(owners.map((o) => o.id)).toEqual(['9', '8']);
    expect(owners[1]).toEqual({ id: '8', displayName: 'Amy Cards', username: 'amy', lobId: '3' });
  });

  it('knows none when nothing is listed or mapped', () => {
    expect(knownOwners([], [{ dataOwner: null }])).toEqual([]);
  });
});

describe('ownerChoices', () => {
  it("puts the pair's LOB's owners first, each group by name", () => {
    const owners = knownOwners([zoe, amy, bob], []);
    const { ofLob, others } = ownerChoices('3', owners);
    expect(ofLob.map((o) => o.username)).toEqual(['amy']);
    expect(others.map((o) => o.username)).toEqual(['bob', 'zoe']);
  });
});
