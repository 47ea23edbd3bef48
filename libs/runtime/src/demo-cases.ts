import { DemoService } from '@kivuko/access';
import { IntakeService, RegisterIntakeDto } from '@kivuko/intake';
import { Actor, PLATFORM_RUNTIME, PlatformRuntime, Role, systemScope, UnitOfWork, validateBody } from '@kivuko/platform';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { randomUUID } from 'node:crypto';

const HOUR = 3_600_000;

interface DemoIntake {
  by: string;
  borderPoint: string;
  hoursAgo: number;
  /** The request body as a client sends it, without the intake id, border point and arrival time. */
  body: { mode?: string; arrival: Record<string, unknown>; persons: Record<string, unknown>[] };
  /** Agencies that hold (stand-in) referrals for these cases, until the SOP routes them. */
  sharedWith: string[];
}

/** A few arrivals of the kinds the domain guide describes, so every demo role has something to open. */
const DEMO_INTAKES: DemoIntake[] = [
  {
    by: 'border.official',
    borderPoint: 'NMG',
    hoursAgo: 30,
    sharedWith: ['Refugee Status Authority', 'Haki Legal Aid'],
    body: {
      arrival: { mode: 'LAND', how: 'SELF_PRESENTED', route: ['ETH', 'KEN'], intendedDestination: 'TZA' },
      persons: [
        {
          ref: 'mother',
          givenName: 'Faadumo Cali',
          familyName: 'Warsame',
          sex: 'FEMALE',
          dateOfBirth: '1993-05-02',
          nationalities: ['SOM'],
          areaOfOrigin: { name: 'Lower Shabelle', code: 'SO-SH' },
          languages: ['so'],
          interpreter: { needed: true, sex: 'FEMALE' },
          documents: [{ kind: 'NATIONAL_ID', number: 'SO-88412', issuingCountry: 'SOM' }],
          informationGiven: { topics: ['ASYLUM', 'LEGAL_AID', 'NGO_ACCESS'], language: 'so', leafletVersion: 'TZA-2026.1' },
          screening: {
            answers: {
              reasons_for_leaving: ['CONFLICT'],
              single_parent: true,
              fear_of_return: true,
              fear_reasons: ['CONFLICT', 'THREAT_TO_LIFE'],
              asylum_wish_expressed: true,
              asylum_wish_words: 'We cannot go back, they will kill us.',
              asylum_statement: 'Armed men took over our village; my husband has been missing since March.',
              health_triage: 'NONE',
            },
          },
        },
        {
          ref: 'son',
          givenName: 'Cabdi',
          familyName: 'Warsame',
          sex: 'MALE',
          dateOfBirth: '2016-01-01',
          dateOfBirthEstimated: true,
          nationalities: ['SOM'],
          travelledWith: [{ ref: 'mother', relationship: 'MOTHER' }],
          screening: { answers: { caregiver_present: true, caregiver_relationship: 'PARENT' } },
        },
      ],
    },
  },
  {
    by: 'border.official',
    borderPoint: 'KGM',
    hoursAgo: 20,
    sharedWith: ['Anti-Trafficking Secretariat', 'Tumaini Shelter'],
    body: {
      arrival: { mode: 'SEA', how: 'INTERCEPTED', route: ['COD'], smugglerUsed: true },
      persons: [
        {
          givenName: 'Esperance',
          familyName: 'Niyonzima',
          sex: 'FEMALE',
          statedAge: 19,
          nationalities: ['BDI'],
          languages: ['rn', 'sw'],
          documentsHeldByOther: true,
          screening: {
            answers: {
              reasons_for_leaving: ['WORK'],
              health_triage: 'NEEDS_CARE',
              others_speak_for_person: true,
              deceived_about_job: true,
              debt_bondage: true,
              movement_controlled: true,
              trafficking_account: 'Promised work in a restaurant; the man who brought us keeps our papers until the debt is paid.',
              health_need: 'Untreated injury to the wrist',
            },
          },
        },
      ],
    },
  },
  {
    by: 'border.official',
    borderPoint: 'KGM',
    hoursAgo: 6,
    sharedWith: ['Child Protection Service'],
    body: {
      mode: 'MASS_ARRIVAL',
      arrival: { mode: 'SEA', how: 'RESCUED_AT_SEA' },
      persons: [
        { description: 'boy, about 13, alone, green T-shirt', sex: 'MALE', statedAge: 13, nationalities: ['COD'], urgentNeeds: ['UNACCOMPANIED_CHILD'] },
        { description: 'woman, about 30, pregnant, bleeding', sex: 'FEMALE', statedAge: 30, nationalities: ['COD'], urgentNeeds: ['MEDICAL_EMERGENCY'] },
      ],
    },
  },
  {
    by: 'airport.official',
    borderPoint: 'DAR',
    hoursAgo: 3,
    sharedWith: [],
    body: {
      arrival: { mode: 'AIR', how: 'REGULAR_CROSSING', route: ['ARE'] },
      persons: [
        {
          givenName: 'Maxamed Cabdi',
          familyName: 'Warsame',
          sex: 'MALE',
          dateOfBirth: '1990-07-15',
          nationalities: ['SOM'],
          documents: [{ kind: 'PASSPORT', number: 'P00918273', issuingCountry: 'SOM' }],
          screening: { answers: { reasons_for_leaving: ['WORK'], wants_to_return_home: true, has_means_to_return: false } },
        },
      ],
    },
  },
  {
    by: 'border.official',
    borderPoint: 'NMG',
    hoursAgo: 1,
    sharedWith: [],
    body: {
      arrival: { mode: 'LAND', how: 'IRREGULAR_CROSSING', route: ['KEN'] },
      persons: [
        {
          givenName: 'Mohamed Abdi',
          familyName: 'Warsame',
          sex: 'MALE',
          dateOfBirth: '1990-03-01',
          dateOfBirthEstimated: true,
          nationalities: ['SOM'],
          screening: { answers: { reasons_for_leaving: ['WORK', 'FAMILY'] } },
        },
      ],
    },
  },
];

/**
 * Demo cases, registered through the real intake use case once the demo jurisdiction is loaded, and
 * only into an empty system: a newcomer opens cases as each role, sees a possible previous encounter
 * to review, a mass-arrival record to complete, and agencies seeing only their share of a case.
 */
@Injectable()
export class DemoCasesService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    private readonly demo: DemoService,
    private readonly intake: IntakeService,
    private readonly uow: UnitOfWork,
    @Inject(PLATFORM_RUNTIME) private readonly runtime: PlatformRuntime,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.demo.enabled || !this.runtime.config.demo.cases) return;
    await this.demo.ready();
    const [{ n }] = await this.uow.run(systemScope('demo cases: any yet?'), (m) => m.query<{ n: string }[]>(`SELECT count(*) AS n FROM case_file`));
    if (Number(n) > 0) return;

    let registered = 0;
    for (const demo of DEMO_INTAKES) {
      const { actor, borderPointId } = await this.actorAt(demo.by, demo.borderPoint);
      const { value, problems } = validateBody(RegisterIntakeDto, {
        ...demo.body,
        intakeId: randomUUID(),
        arrival: { ...demo.body.arrival, borderPointId, arrivedAt: new Date(Date.now() - demo.hoursAgo * HOUR).toISOString() },
      });
      if (problems.length > 0) throw new Error(`demo intake is invalid: ${JSON.stringify(problems)}`);
      const { result } = await this.intake.register(actor, value);
      registered += result.cases.length;
      if (demo.sharedWith.length > 0) {
        await this.uow.run(systemScope('demo cases: stand-in referrals'), (m) =>
          m.query(
            `INSERT INTO case_share (case_id, agency_id, source)
             SELECT c.id, a.id, 'DEMO' FROM unnest($1::uuid[]) AS c(id) CROSS JOIN agency a WHERE a.name = ANY ($2::text[])`,
            [result.cases.map((c) => c.id), demo.sharedWith],
          ),
        );
      }
    }
    this.logger.log({ cases: registered }, 'demo cases ready');
  }

  private async actorAt(username: string, code: string): Promise<{ actor: Actor; borderPointId: string }> {
    return this.uow.run(systemScope('demo cases: registering official'), async (m) => {
      const [user] = await m.query<{ id: string; agency_id: string; roles: Role[]; border_point_ids: string[] }[]>(
        `SELECT id, agency_id, roles, border_point_ids FROM app_user WHERE username = $1`,
        [username],
      );
      const [point] = await m.query<{ id: string }[]>(`SELECT id FROM border_point WHERE code = $1`, [code]);
      return {
        actor: { userId: user.id, username, agencyId: user.agency_id, roles: user.roles, borderPointIds: user.border_point_ids },
        borderPointId: point.id,
      };
    });
  }
}
