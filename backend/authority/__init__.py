"""Cooperation with authorities (issue 17): requests under four eyes, legal
holds on the records in scope, evidence packages, and member data erasure."""
