// Labels for timeline dates. Pure: no DOM. The core gives each event a TIMEX-style `value`
// (`2019-04-02`, `2019-04`, `2023-SU`, `2020-Q1`, `2024-W10`, `2019`, `202`, a day with a
// time such as `2023-04-23TMO`) and its `precision`; a label says exactly that much and no
// more ("March 2019", never "1 March 2019").
//
// Language: the UI is English, but an event read in a Chinese article is labelled in Chinese
// (2019年4月2日, 2023年夏季), as the article itself writes dates. `lang` is the article's
// language; anything not starting with `zh` gets English.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SEASONS = { SP: ['spring', '春季'], SU: ['summer', '夏季'], FA: ['autumn', '秋季'], WI: ['winter', '冬季'] };
const QUARTERS_ZH = ['第一季度', '第二季度', '第三季度', '第四季度'];
const PARTS = { MO: ['morning', '上午'], AF: ['afternoon', '下午'], EV: ['evening', '傍晚'], NI: ['night', '夜间'] };

const isChinese = (lang) => /^zh/i.test(lang || '');

/** The label of a TIMEX-style value ("2 April 2019", "spring 2023", "2020s"); the value itself when it does not read. */
export function valueLabel(value, lang = 'en') {
  const zh = isChinese(lang);
  const v = String(value || '').trim().toUpperCase();
  let m = /^(\d{3})$/.exec(v);
  if (m) return zh ? `${m[1]}0年代` : `${m[1]}0s`;
  m = /^(\d{4})$/.exec(v);
  if (m) return zh ? `${m[1]}年` : m[1];
  m = /^(\d{4})-(\d{2})$/.exec(v);
  if (m && MONTHS[Number(m[2]) - 1]) return zh ? `${m[1]}年${Number(m[2])}月` : `${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
  m = /^(\d{4})-Q([1-4])$/.exec(v);
  if (m) return zh ? `${m[1]}年${QUARTERS_ZH[Number(m[2]) - 1]}` : `Q${m[2]} ${m[1]}`;
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(v);
  if (m) return zh ? `${m[1]}年${SEASONS[m[2]][1]}` : `${SEASONS[m[2]][0]} ${m[1]}`;
  m = /^(\d{4})-W(\d{2})$/.exec(v);
  if (m) return zh ? `${m[1]}年第${Number(m[2])}周` : `week ${Number(m[2])}, ${m[1]}`;
  m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}:\d{2}|MO|AF|EV|NI))?$/.exec(v);
  if (m && MONTHS[Number(m[2]) - 1]) {
    const [, y, mo, d, t] = m;
    const day = zh ? `${y}年${Number(mo)}月${Number(d)}日` : `${Number(d)} ${MONTHS[Number(mo) - 1]} ${y}`;
    if (!t) return day;
    const part = PARTS[t] ? PARTS[t][zh ? 1 : 0] : t;
    return zh ? `${day}${part}` : `${day}, ${part}`;
  }
  return String(value || '');
}

/** The label of an event (`{value}` or an event with `event.value`). */
export function eventLabel(event, lang) {
  return valueLabel(event.value, lang);
}

/** The heading an event is listed under: its year, or its decade ("2020s", 2020年代). */
export function groupLabel(event, lang = 'en') {
  if (event.precision === 'decade') return valueLabel(event.value, lang);
  const year = String(event.from || event.value || '').slice(0, 4);
  return isChinese(lang) ? `${year}年` : year;
}

/** Short label of a day number's month for tick marks: "Mar", "Mar 2019". */
export function shortMonth(month, year) {
  const name = MONTHS[month - 1]?.slice(0, 3) ?? String(month);
  return year === undefined ? name : `${name} ${year}`;
}

/** The full name of a month (1–12). */
export const monthName = (month) => MONTHS[month - 1] ?? String(month);
