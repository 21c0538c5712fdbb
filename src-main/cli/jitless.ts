import { config } from 'zod';

// A command parses each kind of input a few times at most: zod's compiled fast path for an object
// schema (new code made on its first parse) costs more than it saves in a process this short
// (issue 15). The checks are the same either way. Set before any schema is made, since a schema
// decides when it is made: the CLI's entry imports this module first.
config({ jitless: true });
