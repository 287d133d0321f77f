"""Product recalls, matches against listings and safety notices."""
