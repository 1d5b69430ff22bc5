"""Finishing built pages on every engine (policy, head tags, repairs) and writing files safely."""
