import { relation, schema, table } from '../testing/fixtures';
import { camelName, planAccessors, uniqueNames } from './plan-accessors';
import type { Accessor } from './plan-accessors';

const user = table('app_user', { entity: 'User', columns: ['id', 'email'], pk: ['id'], uniques: [['email']] });

/** `from → to: name(key) direct|join optional?` */
function summary(a: Accessor): string {
  const key = a.key.map((c) => c.name).join(',');
  const join = a.join.map((p) => `${p.from.name}=${p.to.name}`).join(',');
  return `${a.from.name} → ${a.to.name}: ${a.name}(${key}) ${a.direct ? 'direct' : 'join'} [${join}]${a.optional ? ' ?' : ''} ${a.label}`;
}

describe('planAccessors', () => {
  it.each<[string, Parameters<typeof schema>[0], Parameters<typeof schema>[1], string[]]>([
    [
      'a foreign key to the primary key: direct from the principal, a join from the dependent',
      [user, table('profile', { entity: 'Profile', columns: ['id', 'user_id'], pk: ['id'], uniques: [['user_id']] })],
      [relation({ dependent: 'profile', principal: 'app_user', columns: ['user_id'], dependentField: 'user', principalField: 'profile' })],
      [
        'app_user → profile: profile(id) direct [id=user_id] ? User.profile',
        'profile → app_user: user(id) join [user_id=id] Profile.user',
      ],
    ],
    [
      'a shared primary key: direct both ways',
      [user, table('profile', { columns: ['user_id'], pk: ['user_id'] })],
      [relation({ dependent: 'profile', principal: 'app_user', columns: ['user_id'], dependentField: 'user', principalField: 'profile', dependentOptional: true })],
      ['app_user → profile: profile(id) direct [id=user_id] ? User.profile', 'profile → app_user: user(user_id) direct [user_id=id] ? profile.user'],
    ],
    [
      'a foreign key to another unique: a join from the principal too',
      [user, table('badge', { columns: ['id', 'email'], pk: ['id'], uniques: [['email']] })],
      [relation({ dependent: 'badge', principal: 'app_user', columns: ['email'], references: ['email'], principalOptional: false })],
      ['app_user → badge: badge(id) join [email=email] User.badge', 'badge → app_user: app_user(id) join [email=email] badge.app_user'],
    ],
    [
      'a composite key, paired in key order',
      [
        table('tenant_user', { columns: ['tenant', 'id'], pk: ['tenant', 'id'] }),
        table('settings', { columns: ['tenant', 'user_id'], pk: ['tenant', 'user_id'] }),
      ],
      [relation({ dependent: 'settings', principal: 'tenant_user', columns: ['user_id', 'tenant'], references: ['id', 'tenant'] })],
      [
        'tenant_user → settings: settings(tenant,id) direct [tenant=tenant,id=user_id] ? tenant_user.settings',
        'settings → tenant_user: tenant_user(tenant,user_id) direct [tenant=tenant,user_id=id] settings.tenant_user',
      ],
    ],
    [
      'a table without a primary key is keyed by the join columns',
      [user, table('note', { columns: ['user_id'], uniques: [['user_id']] })],
      [relation({ dependent: 'note', principal: 'app_user', columns: ['user_id'] })],
      ['app_user → note: note(id) direct [id=user_id] ? User.note', 'note → app_user: app_user(user_id) direct [user_id=id] note.app_user'],
    ],
    [
      'only one-to-ones: a one-to-many has none',
      [user, table('order', { columns: ['id', 'user_id'], pk: ['id'] })],
      [relation({ dependent: 'order', principal: 'app_user', columns: ['user_id'], kind: 'many' })],
      [],
    ],
    [
      'names taken from the other table collide: the join columns tell them apart, a field keeps its name',
      [user, table('passport', { entity: 'Passport', columns: ['id', 'owner_id', 'holder_id', 'issuer_id'], pk: ['id'] })],
      [
        relation({ dependent: 'passport', principal: 'app_user', columns: ['owner_id'], dependentField: 'owner', principalField: null }),
        relation({ dependent: 'passport', principal: 'app_user', columns: ['holder_id'], dependentField: 'holder', principalField: null }),
        relation({ dependent: 'passport', principal: 'app_user', columns: ['issuer_id'], dependentField: 'issuer', principalField: 'passport' }),
      ],
      [
        'app_user → passport: passportByOwnerId(id) direct [id=owner_id] ? User.passport',
        'passport → app_user: owner(id) join [owner_id=id] Passport.owner',
        'app_user → passport: passportByHolderId(id) direct [id=holder_id] ? User.passport',
        'passport → app_user: holder(id) join [holder_id=id] Passport.holder',
        'app_user → passport: passport(id) direct [id=issuer_id] ? User.passport',
        'passport → app_user: issuer(id) join [issuer_id=id] Passport.issuer',
      ],
    ],
  ])('%s', (_, tables, relations, expected) => {
    expect(planAccessors(schema(tables, relations)).accessors.map(summary)).toEqual(expected);
  });

  it('skips a one-to-one without foreign key columns, saying why', () => {
    const plan = planAccessors(schema([user, table('seat', { columns: ['id'], pk: ['id'] })], [relation({ dependent: 'seat', principal: 'app_user', noForeignKey: true })]));
    expect(plan.accessors).toEqual([]);
    expect(plan.skipped).toEqual([{ relation: 'seat.app_user', reason: 'no foreign key columns on either side: nothing joins the two rows' }]);
  });
});

describe('names', () => {
  it.each([
    ['app_user', 'appUser'],
    ['Profile', 'profile'],
    ['2fa-codes', '_2faCodes'],
    ['', 'row'],
  ])('camelName(%j) = %s', (text, expected) => {
    expect(camelName(text)).toBe(expected);
  });

  it('uniqueNames numbers the later ones, around names already taken', () => {
    expect(uniqueNames(['a', 'b', 'a', 'eq'], new Set(['eq']))).toEqual(['a', 'b', 'a2', 'eq2']);
  });
});
