"""Messages between buyers and sellers (on a transaction) and public comments on listings (issue 21)."""
