"""X-SVAMP: SVAMP math word problems in five languages, scored by the final number."""
