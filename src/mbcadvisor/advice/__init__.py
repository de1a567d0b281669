"""Questions and answers, one module per question: each takes the catalog and what the user
said, and returns a result object (result.py); nothing here prints or exits."""
