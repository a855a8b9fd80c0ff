#!/usr/bin/env node
// The `warden` command: runs the bundled CLI.
require('../dist/cli.js');
