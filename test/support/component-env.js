process.env.TARO_ENV = 'h5'
// jsdom has no layout: ScrollView's scrollIntoView needs the method to exist.
const proto = global.Element && global.Element.prototype
if (proto && !proto.scrollIntoView) proto.scrollIntoView = function () {}
