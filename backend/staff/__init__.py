"""Staff accounts, sign-in tokens, shifts and attendance."""
