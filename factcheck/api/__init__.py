"""The REST API: how other newsroom systems read facts and record decisions."""
