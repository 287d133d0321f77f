"""One screen per job: the queue, listings, members, recalls."""
