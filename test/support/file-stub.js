module.exports = 'image-stub.png'
