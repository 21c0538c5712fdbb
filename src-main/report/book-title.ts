/** 《信阳市市长质量奖管理办法》（信政文〔2022〕49号）: the title in book-title marks, the issue note after. */
export function citeZh(title: string): string {
  const note = title.indexOf('（');
  return note > 0 ? `《${title.slice(0, note)}》${title.slice(note)}` : `《${title}》`;
}
