// A guard against hangs for the fleet tests (several production processes on a loaded machine), not a speed check.
jest.setTimeout(180_000);
