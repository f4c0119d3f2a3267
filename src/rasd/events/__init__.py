"""Events: trigger lexicon, assembly of mentions into spec §1 events, status, notes."""
