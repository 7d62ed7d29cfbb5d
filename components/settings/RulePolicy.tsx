import type { Settings } from '@/lib/model/settings';
import { CATALOGUE, RULE_ORDER } from '@/lib/rules/catalogue';
import { DEFAULT_RULE_ACTION, HARD_HOLD_CODES, RULE_ACTIONS, type RuleAction } from '@/lib/rules/policy';
import { pick, useI18n } from '../i18n';

// Per rule, what a rep may do when it fires (like a mail-policy tool): block, override with a justification,
// or warn. Objections and erasures are always hard holds (GDPR Art. 21(3), 17): shown, never editable.

export type RuleActions = Settings['policy']['rules'];

/** The rules a policy can name: one per code (variants share it), in the engine's order. */
export const policyRuleCodes: readonly string[] = RULE_ORDER;

/** Only the choices that differ from the default are stored, so a later default change reaches them. */
export function storedRuleActions(actions: RuleActions): RuleActions {
  return Object.fromEntries(Object.entries(actions).filter(([code, a]) => a !== DEFAULT_RULE_ACTION && !HARD_HOLD_CODES.includes(code)));
}

export function RulePolicy({ actions, onChange }: { actions: RuleActions; onChange: (a: RuleActions) => void }) {
  const { t, lang } = useI18n();
  return (
    <fieldset data-testid="rule-policy">
      <legend>{t('settingsRulePolicy')}</legend>
      <p class="hint">{t('settingsRulePolicyHint')}</p>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('settingsRule')}</th>
              <th scope="col">{t('settingsRuleAction')}</th>
            </tr>
          </thead>
          <tbody>
            {policyRuleCodes.map((code) => {
              const entry = CATALOGUE[code];
              const title = entry ? pick(lang, entry.title) : code;
              const hard = HARD_HOLD_CODES.includes(code);
              return (
                <tr key={code} data-rule={code}>
                  <th scope="row">
                    {title} <span class="muted">({code})</span>
                  </th>
                  <td>
                    {hard ? (
                      <span class="tag tag-block">{t('settingsRuleHard')}</span>
                    ) : (
                      <select
                        aria-label={t('settingsRuleActionFor', title)}
                        value={actions[code] ?? DEFAULT_RULE_ACTION}
                        onChange={(e) => onChange({ ...actions, [code]: (e.currentTarget as HTMLSelectElement).value as RuleAction })}
                      >
                        {RULE_ACTIONS.map((a) => (
                          <option key={a} value={a}>
                            {t(`settingsRuleAction_${a}`)}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </fieldset>
  );
}
