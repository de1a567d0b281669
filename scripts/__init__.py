"""Maintainer scripts run from the checkout; a package so that tests can import them."""
