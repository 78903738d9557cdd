import { corpusSuite } from './corpus/suite';

corpusSuite('correct alternatives pass Check, every schedule explored', (e) => e.expect.default === 'passed', 1);
