/**
 * Chinese surnames, for telling a name from other words in a credit (通讯员 王勤, not 通讯员 市交通局)
 * and after a title in running text (市长 朱健). The common single surnames (covering nearly all of
 * the population) and the compound ones that still occur; a name must start with one of them.
 */
const SINGLE =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱丘江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由赖旷言资眭';
const COMPOUND = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '轩辕',
  '令狐',
  '钟离',
  '端木',
  '澹台',
  '独孤',
  '南宫',
  '西门',
  '申屠',
  '呼延',
  '万俟',
  '闻人',
  '赫连',
  '太史',
  '公羊',
  '百里',
  '东郭',
];

export const SINGLE_SURNAMES: ReadonlySet<string> = new Set(Array.from(SINGLE));
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set(COMPOUND);

/** The surname a name starts with (compound first), or null when it starts with none. */
export function surnameOf(name: string): string | null {
  const two = name.slice(0, 2);
  if (COMPOUND_SURNAMES.has(two) && name.length >= 3) return two;
  const one = name.slice(0, 1);
  return SINGLE_SURNAMES.has(one) ? one : null;
}
