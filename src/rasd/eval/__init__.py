"""Evaluation: score extraction against gold annotations as spec §4 says (`rasd eval`)."""
