import { startGenerator } from './generator';

startGenerator();
