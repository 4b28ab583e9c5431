//! Phase 4 (Data Owner Identification): which data owner of an LOB answers for an attribute.
//!
//! The choice is a stable hash of the attribute name over the LOB's owners, so it never changes
//! between runs, replays or workers, and different attributes spread over the owners.

/// A data owner who may be assigned attributes of one LOB.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OwnerCandidate {
    pub user_id: i64,
    pub lob_id: i64,
}

/// The data owner of `lob_id` for `attribute_name`, or `None` when the LOB has no data owner
/// (the data executive then assigns one). The order of `candidates` does not matter.
pub fn map_owner(attribute_name: &str, lob_id: i64, candidates: &[OwnerCandidate]) -> Option<i64> {
    let mut owners: Vec<i64> =
        candidates.iter().filter(|candidate| candidate.lob_id == lob_id).map(|candidate| candidate.user_id).collect();
    owners.sort_unstable();
    owners.dedup();
    let count = u64::try_from(owners.len()).ok().filter(|&count| count > 0)?;
    let index = usize::try_from(fnv1a(attribute_name) % count).ok()?;
    owners.get(index).copied()
}

/// FNV-1a (64 bit): unlike std's `DefaultHasher` it is specified and never seeded per process.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3))
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn owners() -> Vec<OwnerCandidate> {
        vec![
            OwnerCandidate { user_id: 12, lob_id: 1 },
            OwnerCandidate { user_id: 7, lob_id: 1 },
            OwnerCandidate { user_id: 30, lob_id: 2 },
            OwnerCandidate { user_id: 9, lob_id: 1 },
        ]
    }

    #[test]
    fn hash_is_the_published_fnv1a() {
        assert_eq!(fnv1a(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a("a"), 0xaf63_dc4c_8601_ec8c);
    }

    #[test]
    fn same_attribute_and_lob_always_get_the_same_owner_whatever_the_order() {
        let mut shuffled = owners();
        shuffled.reverse();
        for name in ["cycle_ending_balance", "current_apr", "account_id"] {
            let owner = map_owner(name, 1, &owners());
            assert!(owner.is_some_and(|id| [7, 9, 12].contains(&id)), "{name}: {owner:?}");
            assert_eq!(owner, map_owner(name, 1, &shuffled));
        }
    }

    #[test]
    fn only_owners_of_the_lob_are_chosen() {
        assert_eq!(map_owner("current_apr", 2, &owners()), Some(30));
        assert_eq!(map_owner("current_apr", 3, &owners()), None);
        assert_eq!(map_owner("current_apr", 1, &[]), None);
    }

    #[test]
    fn work_spreads_over_every_owner() {
        let mut load: HashMap<i64, usize> = HashMap::new();
        for index in 0..60 {
            if let Some(owner) = map_owner(&format!("attribute_{index}"), 1, &owners()) {
                *load.entry(owner).or_default() += 1;
            }
        }
        assert_eq!(load.len(), 3, "{load:?}");
        assert!(load.values().all(|&count| count >= 10), "{load:?}");
    }
}
