"""Console side of issue 17: authority requests (supervisors), rights-owner reports
(moderators decide; a rights owner's own minimal window), the transparency export."""
