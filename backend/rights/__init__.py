"""Rights owners (issue 17): brand owners' accounts and their reports of
infringing listings, decided by moderators in the queue."""
