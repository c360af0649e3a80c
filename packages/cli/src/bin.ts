import { superviseCli } from './supervise';

superviseCli(process.argv.slice(2));
