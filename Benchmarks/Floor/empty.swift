// The smallest Swift program, for start-up comparisons: `backcheck list` against this.
