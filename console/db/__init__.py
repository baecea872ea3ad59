"""The shared registration database: models, engines, migrations, data generator."""
