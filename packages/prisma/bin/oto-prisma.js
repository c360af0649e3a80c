#!/usr/bin/env node
require('../dist/generator/bin.js');
