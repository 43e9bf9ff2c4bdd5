// Imports every type and root field for its side effect, in a fixed order, and builds the schema.
import './scalars.ts';
import './enums.ts';
import './types/Source.ts';
import './types/Citation.ts';
import './types/TerminologyCode.ts';
import './types/Technique.ts';
import './types/ActiveIngredient.ts';
import './types/Indication.ts';
import './types/Contraindication.ts';
import './types/SideEffect.ts';
import './types/BodyArea.ts';
import './types/ProtocolClaim.ts';
import './types/Limitation.ts';
import './types/TreatmentSetting.ts';
import './types/AnaesthesiaOption.ts';
import './types/Jurisdiction.ts';
import './types/Authority.ts';
import './types/RegulatoryStatus.ts';
import './types/Treatment.ts';
import './queries/treatments.ts';
import './queries/vocabulary.ts';
import { builder } from './builder.ts';
import { describeGeneratedTypes } from './describe.ts';

export const schema = describeGeneratedTypes(builder.toSchema({ sortSchema: true }));
