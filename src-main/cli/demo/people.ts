import { creditCodeCheck } from '../../domain/values.js';
import type { Industry } from '../../domain/words.js';
import type { ApplicantInput, ExpertInput } from '../../domain/people.js';

/** Invented organisations in and around Wuxi, across the three sectors (一/二/三产业). */
const APPLICANTS: [string, Industry, string][] = [
  ['无锡市锡山区阳山桃源农业专业合作社', 1, '陈建华'],
  ['宜兴市竹海生态茶业有限公司', 1, '周敏'],
  ['江阴市华澄生态农业发展有限公司', 1, '吴晓东'],
  ['无锡恒瑞达精密机械有限公司', 2, '王立新'],
  ['江阴澄江特种钢管股份有限公司', 2, '徐国平'],
  ['无锡芯锐微电子科技有限公司', 2, '刘洋'],
  ['无锡华光新能源装备有限公司', 2, '孙志强'],
  ['宜兴环科水处理设备有限公司', 2, '朱丽'],
  ['无锡惠山汽车零部件制造有限公司', 2, '马骏'],
  ['江苏太湖精工轴承有限公司', 2, '胡海燕'],
  ['无锡新吴医疗器械有限公司', 2, '郭涛'],
  ['无锡锡东纺织印染有限公司', 2, '何静'],
  ['江阴长江电力电缆有限公司', 2, '高峰'],
  ['无锡梁溪食品工业有限公司', 2, '林芳'],
  ['宜兴紫砂陶瓷文化发展有限公司', 2, '罗斌'],
  ['无锡蠡湖智能传感技术有限公司', 2, '郑晓燕'],
  ['无锡滨湖数控机床有限公司', 2, '谢明'],
  ['无锡运河物流集团有限公司', 3, '韩磊'],
  ['无锡太湖软件信息服务有限公司', 3, '唐婷'],
  ['无锡惠民城市公交有限公司', 3, '冯刚'],
  ['江阴农商金融服务中心', 3, '于洁'],
  ['无锡清名桥文化旅游发展有限公司', 3, '董伟'],
  ['无锡锡城检验检测认证有限公司', 3, '萧雨'],
  ['无锡梁溪康养健康管理有限公司', 3, '程亮'],
];

/** A well-formed 统一社会信用代码 per demo applicant (91 = enterprise, 320200 = Wuxi), so the eligibility check finds them across editions. */
export function demoCreditCode(i: number): string {
  const first17 = `91320200MA${String(1000000 + i * 7919).slice(-7)}`;
  return first17 + creditCodeCheck(first17);
}

export function demoApplicants(year: number): ApplicantInput[] {
  return APPLICANTS.map(([name, industry, contact], i) => ({
    code: `WX${year}-${String(i + 1).padStart(3, '0')}`,
    name,
    kind: 'unit',
    industry,
    creditCode: demoCreditCode(i),
    idNumber: null,
    contactName: contact,
    contactPhone: `0510-8${String(2345600 + i * 37).padStart(7, '0')}`,
    contactEmail: null,
  }));
}

const EXPERTS: [string, string, string, Industry][] = [
  ['张明远', '江南大学商学院', '教授', 2],
  ['李淑芬', '无锡市质量协会', '正高级工程师', 3],
  ['王建国', '无锡市标准化研究院', '研究员', 2],
  ['赵雅琴', '江苏省质量和标准化研究院', '高级工程师', 2],
  ['陈志刚', '无锡职业技术学院', '教授', 2],
  ['刘晓红', '无锡市农业科学研究所', '研究员', 1],
  ['杨文博', '南京航空航天大学无锡研究院', '副教授', 2],
  ['黄丽华', '无锡市市场监督管理局质量发展处（退休）', '高级经济师', 3],
  ['周国强', '中国质量认证中心无锡分中心', '高级审核员', 2],
  ['吴海涛', '江南大学机械工程学院', '教授', 2],
  ['徐慧敏', '无锡市卓越绩效促进中心', '高级工程师', 3],
  ['孙立平', '无锡商业职业技术学院', '副教授', 3],
  ['胡振华', '江苏省特种设备安全监督检验研究院无锡分院', '正高级工程师', 2],
  ['朱晓琳', '无锡市人民医院质量管理办公室', '主任医师', 3],
  ['马永康', '宜兴市农业农村局', '高级农艺师', 1],
  ['林静怡', '无锡市质量技术服务中心', '高级工程师', 2],
  // a reserve on no panel: the one the secretariat sends where recusals leave a panel short
  ['沈嘉禾', '江南大学质量研究中心', '研究员', 2],
];

export function demoExperts(): ExpertInput[] {
  return EXPERTS.map(([name, organisation, title, industry], i) => ({
    code: `E${String(i + 1).padStart(2, '0')}`,
    name,
    organisation,
    title,
    industry,
    phone: `139${String(16000000 + i * 4111).padStart(8, '0')}`,
    email: null,
  }));
}
