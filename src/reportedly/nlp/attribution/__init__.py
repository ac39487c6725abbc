"""Attribution: who said what, according to whom."""
