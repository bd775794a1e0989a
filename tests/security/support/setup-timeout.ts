// A guard against hangs, not a speed check: the first row of a file signs in (and connects its
// tenant) through the real flows, which can take seconds on a loaded 2-core CI machine.
// (`testTimeout` in a project entry of jest.config.js is not applied per project.)
jest.setTimeout(30_000);
